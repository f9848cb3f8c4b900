// Every command of the extension, registered in one place.
import type * as vscode from 'vscode';
import type { Lab } from '../lab';
import { registerColorizeCommand } from './colorizeCommand';
import { registerOpenCommands } from './openCommands';
import { registerStartCommands } from './startCommands';
import { registerStopCommands } from './stopCommands';
import { registerStoreCommands } from './storeCommands';

export function registerCommands(lab: Lab): vscode.Disposable[] {
  return [
    ...registerStartCommands(lab),
    ...registerStopCommands(lab),
    ...registerOpenCommands(lab),
    ...registerStoreCommands(lab),
    registerColorizeCommand(lab),
  ];
}
