export {
  checkFactValue,
  FACT_LIMITS,
  FactFileInput,
  FactInput,
  FactKeySchema,
  FactUpdateInput,
} from "./input";
export {
  createFact,
  deleteFact,
  type FactActor,
  type FactWithUsage,
  factPlaceLabel,
  listFactsWithUsage,
  type UpdatedFact,
  updateFact,
} from "./manage";
export { type FactMap, factValues, getFactMap, listFacts } from "./read";
export type { FactPlace, FactUse } from "./usage";
