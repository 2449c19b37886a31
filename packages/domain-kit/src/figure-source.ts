/**
 * A figure the graph serves that reproduces the source report, with the sentence it comes
 * from, so a front end can tell the report's facts from demo data (GraphQL type FigureSource).
 */
export interface FigureSource {
  /** The field that serves the figure. */
  field: string;
  /** The figure as the report states it. */
  reported: string;
  citation: string;
}
