import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

export default defineConfig({
  plugins: [vue()],
  define: {
    // vue-i18n: composition API only, no devtools hooks in the bundle
    __VUE_I18N_FULL_INSTALL__: 'false',
    __VUE_I18N_LEGACY_API__: 'false',
    __INTLIFY_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_DEVTOOLS__: 'false',
    __VUE_PROD_HYDRATION_MISMATCH_DETAILS__: 'false',
    __VUE_OPTIONS_API__: 'false',
  },
  server: {
    port: 5173,
    proxy: {
      // one origin in dev too, so the session cookie and the WebSocket need no CORS
      '/graphql': { target: 'http://localhost:4000', ws: true, changeOrigin: false },
    },
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    // the plugin timing report is noise in CI logs
    rolldownOptions: {
      checks: { pluginTimings: false },
      // libraries change less often than the app: a separate chunk stays cached across releases;
      // the dashboard's charting library stays with the charts, which load only on the dashboard
      output: { codeSplitting: { groups: [{ name: 'vendor', test: /node_modules[\\/](?!chart\.js|vue-chartjs|@kurkle)/ }] } },
    },
  },
});
