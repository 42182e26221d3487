import { prepareTemplates } from './databases.js';

export default async function setup() {
  return prepareTemplates();
}
