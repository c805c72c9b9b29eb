/**
 * What the offline companion knows how to do, field by field: practical, true, said plainly.
 * `topic` finds the field in a question; `ownedBy` finds it in an agent's job or interests, so
 * a bike mechanic answers a flat tyre as its trade and anyone else as a neighbour would.
 * A tip's `when` puts it first for a question that names it ("and if it's the valve?").
 */
export interface KnowHowTip {
  text: string;
  when?: RegExp;
}

export interface KnowHowField {
  name: string;
  topic: RegExp;
  /** Words that find the field only for its owner: "a bowl" is pottery when a potter is asked. */
  ownersTopic?: RegExp;
  ownedBy: RegExp;
  tips: readonly KnowHowTip[];
}
