import { useVirtualizer } from '@tanstack/vue-virtual';
import { computed, ref, watch } from 'vue';

export interface LeadScrollerOptions {
  /** Rows loaded so far */
  count(): number;
  /** Key of a loaded row */
  key(index: number): string;
  hasNextPage(): boolean;
  loadingMore(): boolean;
  /** Height of one row (table) or card including the gap below it */
  rowHeight: number;
  loadMore(): void;
}

/**
 * The scrolling part of the lead list, for the table and the cards alike: only the rows in view are
 * in the DOM (thousands of loaded leads scroll as smoothly as fifty), plus one "loading more" row
 * while more pages exist, and the next page is asked for while a screenful is still left.
 */
export function useLeadScroller(options: LeadScrollerOptions) {
  const scroller = ref<HTMLElement | null>(null);
  const virtualizer = useVirtualizer(
    computed(() => ({
      count: options.count() + (options.hasNextPage() ? 1 : 0),
      getScrollElement: () => scroller.value,
      estimateSize: () => options.rowHeight,
      overscan: 12,
      getItemKey: (index: number) => (index < options.count() ? options.key(index) : 'loader'),
    })),
  );
  const rows = computed(() => virtualizer.value.getVirtualItems());

  watch(
    () => rows.value.at(-1)?.index ?? 0,
    (last) => {
      if (options.hasNextPage() && !options.loadingMore() && last >= options.count() - 15) options.loadMore();
    },
  );

  return { scroller, rows, totalSize: computed(() => virtualizer.value.getTotalSize()) };
}
