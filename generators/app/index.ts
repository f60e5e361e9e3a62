// `yo magi` is the same job as `yo magi:backend-spec`.
export { default } from '../backend-spec/index.js';
