import { ConfigError } from '@sanshe/service-kit';
import { loadGatewayConfig } from './config';
import { createGateway } from './server';

async function main(): Promise<void> {
  const gateway = await createGateway(loadGatewayConfig());
  const url = await gateway.listen();
  gateway.logger.info({ url }, 'Sanshe gateway ready');
  const shutdown = () => void gateway.stop().then(() => process.exit(0));
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

main().catch((err: unknown) => {
  // A refused configuration names its variables; a stack trace would add nothing for the operator.
  console.error(err instanceof ConfigError ? err.message : err);
  process.exit(1);
});
