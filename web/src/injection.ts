import type { InjectionKey } from 'vue';
import type { LiveConnection } from './apollo';
import type { ErrorReporter } from './composables/useErrorReporter';

export const ConnectionKey: InjectionKey<LiveConnection> = Symbol('connection');
export const ErrorReporterKey: InjectionKey<ErrorReporter> = Symbol('errorReporter');
