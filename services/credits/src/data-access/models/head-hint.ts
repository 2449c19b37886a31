/** Where a stream stood when last seen: a hint, kept in a small collection of its own. */
export interface HeadHint<S> {
  _id: string;
  seq: number;
  state: S;
}
