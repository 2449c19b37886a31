import './style.css';
import { errorList, h, whenDone } from './dom';
import { communityPage } from './pages/community';
import { districtPage } from './pages/district';
import { residentPage } from './pages/resident';
import { DEV_ROLES, devSignIn, session, signOut, type DevRole } from './session';

/** Hash routes: #/district, #/community[/<id>], #/resident. */
async function render(): Promise<void> {
  const [, route = 'district', id] = location.hash.replace(/^#/, '').split('/');
  const main = document.querySelector('main')!;
  main.setAttribute('aria-busy', 'true');
  let page: HTMLElement;
  try {
    page =
      route === 'community'
        ? await communityPage(id ? decodeURIComponent(id) : undefined)
        : route === 'resident'
          ? await residentPage()
          : await districtPage();
  } catch (err) {
    page = h('section', {}, errorList([{ message: (err as Error).message, code: 'CLIENT' }]));
  }
  main.replaceChildren(page);
  main.setAttribute('aria-busy', 'false');
  for (const link of document.querySelectorAll('nav a')) link.classList.toggle('current', link.getAttribute('href') === `#/${route}`);
}

function signInForm(): HTMLElement {
  const role = h(
    'select',
    { name: 'role' },
    ...Object.entries(DEV_ROLES).map(([value, r]) => h('option', { value }, `${value} · ${r.label}`)),
  );
  const scope = h('input', { name: 'scope', placeholder: 'resident / community / street id' });
  const who = h('span', { 'data-testid': 'who' }, '未登录 (anonymous)');
  const problem = h('span', { class: 'errors', role: 'alert' });
  const out = h('button', { type: 'button', hidden: '' }, '退出');
  const form = h('form', { 'data-testid': 'dev-sign-in' }, role, scope, h('button', { type: 'submit' }, '登录 (dev)'), who, out, problem);
  form.addEventListener(
    'submit',
    whenDone(async (event) => {
      event.preventDefault();
      problem.textContent = '';
      try {
        await devSignIn(role.value as DevRole, scope.value.trim());
        who.textContent = `${session.role}${session.scope ? ` · ${session.scope}` : ''}`;
        out.hidden = false;
        await render();
      } catch (err) {
        problem.textContent = (err as Error).message;
      }
    }),
  );
  out.addEventListener('click', () => {
    signOut();
    who.textContent = '未登录 (anonymous)';
    out.hidden = true;
    void render();
  });
  return form;
}

document.querySelector('header')!.append(signInForm());
window.addEventListener('hashchange', () => void render());
void render();
