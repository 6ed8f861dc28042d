import { stocktaking } from './de/stocktaking';
import { inLanguage } from './language';

/** The texts of stocktaking, in the chosen language (German where no English exists). */
export const tStocktaking = inLanguage(stocktaking);
