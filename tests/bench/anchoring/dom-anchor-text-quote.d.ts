// dom-anchor-text-quote 4.0.2 ships no types; these are the calls the benchmark makes.
declare module 'dom-anchor-text-quote' {
  export interface TextQuote {
    exact: string;
    prefix?: string;
    suffix?: string;
  }
  export function toRange(root: Node, selector: TextQuote, options?: { hint?: number }): Range | null;
  export function fromRange(root: Node, range: Range): Required<TextQuote>;
}
