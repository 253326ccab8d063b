/**
 * Buttons and menus carry their state in their custom id (at most 100 characters), so that a page still turns after
 * a restart: `<command>:<action>:<arguments…>`. Every argument is an id, a code, a date or a number: none holds ":".
 */
const MAX_CUSTOM_ID = 100;

export interface ComponentId {
  readonly command: string;
  readonly action: string;
  readonly args: readonly string[];
}

export function componentId(command: string, action: string, args: readonly (string | number | undefined)[]): string {
  return [command, action, ...args.map((arg) => (arg === undefined ? '' : String(arg)))].join(':');
}

/** Whether Discord accepts the id: ids made from long record ids may not fit. */
export function fitsCustomId(id: string): boolean {
  return id.length <= MAX_CUSTOM_ID;
}

export function parseComponentId(customId: string): ComponentId {
  const [command = '', action = '', ...args] = customId.split(':');
  return { command, action, args };
}
