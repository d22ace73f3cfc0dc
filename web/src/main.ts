import { DefaultApolloClient } from '@vue/apollo-composable';
import { createApp } from 'vue';
import App from './App.vue';
import { createApollo } from './apollo';
import { createErrorReporter } from './composables/useErrorReporter';
import { endSession, MeQueryDocument, sessionRole } from './composables/useSession';
import { createAppI18n, rememberLocale } from './i18n';
import { ConnectionKey, ErrorReporterKey } from './injection';
import type { Locale } from './lib/format';
import { createAppRouter } from './router';
import './styles.css';

// an expired session (or a refused socket) returns the app to the sign-in page
const apollo = createApollo({
  onUnauthenticated: () => {
    // a failed sign-in is answered on the sign-in page itself
    if (apollo.client.cache.readQuery({ query: MeQueryDocument })?.me) void endSession(apollo.client);
  },
});
const reporter = createErrorReporter(apollo.client);
const i18n = createAppI18n();
rememberLocale(i18n.global.locale.value as Locale);
const router = createAppRouter({ role: () => sessionRole(apollo.client) });
// a page's code that cannot be fetched (a new release replaced it) leaves the rep where they were
router.onError((error) => reporter.report('navigation_error', error));

const app = createApp(App);
app.provide(DefaultApolloClient, apollo.client);
app.provide(ConnectionKey, apollo.connection);
app.provide(ErrorReporterKey, reporter);
app.use(i18n);
app.use(router);
// errors outside a render (event handlers, watchers) are reported too; render errors also reach the boundary
app.config.errorHandler = (error, _instance, info) => {
  console.error(error);
  reporter.report(`vue_error:${info}`, error);
};
app.mount('#app');
