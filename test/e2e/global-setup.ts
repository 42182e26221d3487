import { prepareTemplates } from '../support/databases.js';

export default async function setup() {
  return prepareTemplates();
}
