import * as vscode from 'vscode';

/** A registration that can be made again (see {@link renewableRegistration}). */
export interface RenewableRegistration extends vscode.Disposable {
  /** Disposes of the registration and makes it again. */
  renew(): void;
}

/**
 * A provider's registration, made now and made again on {@link RenewableRegistration.renew}: for providers whose
 * answers change without an event VS Code listens to, since a change of the registered providers is one.
 */
export function renewableRegistration(register: () => vscode.Disposable): RenewableRegistration {
  let current = register();
  return {
    renew: () => {
      current.dispose();
      current = register();
    },
    dispose: () => current.dispose(),
  };
}
