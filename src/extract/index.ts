/**
 * extract: adds the facts a document asserts — time expressions, events, figures, quotations, cited sources,
 * demands and entities — each attributed (author → speaker / source) and with its evidence in every language
 * version where it is stated. Versions are read separately; mentions of the same fact in aligned sentences
 * become one fact (merge.ts).
 */
import type { DemandFact, Document, EntityFact, EventFact, Evidence, Fact, FigureFact, QuotationFact, SourceFact, TimeFact } from '../model.js';
import { demandsOf, eventsOf, figuresOf, quotationsOf, sourcesOf, timesOf, type Extraction } from './facts.js';
import { aliasesOf, findEntities } from './entities.js';
import { readVersions } from './read-versions.js';
import { buildView, evidenceIn } from './view.js';
import { documentAuthor } from './author.js';

export function extract(doc: Document): Document {
  return { ...doc, facts: extractFacts(doc) };
}

export function extractFacts(doc: Document): Fact[] {
  const view = buildView(doc);
  const entities = findEntities(view);
  entities.clusters.forEach((c, i) => (c.id = `entity-${i + 1}`));
  const author = documentAuthor(view, entities);
  const versions = readVersions(view, entities);
  const x: Extraction = { view, entities, author, versions, ids: new Map() };
  const times: TimeFact[] = timesOf(x);
  const sources: SourceFact[] = sourcesOf(x);
  const figures: FigureFact[] = figuresOf(x);
  const quotations: QuotationFact[] = quotationsOf(x);
  const demands: DemandFact[] = demandsOf(x);
  const events: EventFact[] = eventsOf(x);
  const entityFacts: EntityFact[] = entities.clusters.map((c) => ({
    id: c.id!,
    type: 'entity',
    kind: c.kind,
    name: c.name,
    aliases: aliasesOf(c),
    attributedTo: author.attribution,
    evidence: c.mentions.map((m): Evidence => evidenceIn(m.sentence, m.start, m.end)),
  }));
  return [...events, ...times, ...figures, ...quotations, ...sources, ...demands, ...entityFacts];
}
