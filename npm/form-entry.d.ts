
/**
 * Whether `report` (of this module's `validateApplication`) says the application falls
 * under a repealed edition (the one finding `editions.not_in_module`): the form entry
 * carries the rules of the law in force only, so validate it with the whole API
 * (`kz-eco-rules`), which has every edition.
 */
export function needsWholeApi(report: Report): boolean;
