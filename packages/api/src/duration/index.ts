/** HumanDuration and timestamp helpers (apimachinery pkg/util/duration). */
export { humanDuration, shortHumanDuration } from './humanDuration';
export { parseTimestamp, translateTimestampSince, humanDurationBetween } from './translateTimestamp';
