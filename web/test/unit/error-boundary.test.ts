import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick } from 'vue';
import AppErrorBoundary from '../../src/components/app/AppErrorBoundary.vue';
import { mockClient, mountWithApp } from './support';

const Broken = defineComponent({
  setup() {
    return () => {
      throw new TypeError("Cannot read properties of null (reading 'name')");
    };
  },
});

describe('AppErrorBoundary', () => {
  it('shows a friendly message and reports the render error', async () => {
    const { client } = mockClient(() => ({ data: {} }));
    const { wrapper, reports } = mountWithApp(AppErrorBoundary, client, { slots: { default: () => h(Broken) } });
    await nextTick();
    expect(wrapper.find('[role=alert]').text()).toContain('Something went wrong');
    expect(reports).toHaveLength(1);
    expect(reports[0].event).toBe('render_error');
    expect(String(reports[0].error)).toContain("reading 'name'");
  });
});
