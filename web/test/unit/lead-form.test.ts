import { describe, expect, it } from 'vitest';
import LeadFormDialog from '../../src/components/leads/LeadFormDialog.vue';
import { emptyLeadForm, type LeadFormValues } from '../../src/lib/validation';
import { flush, mountWithApp, mockClient, withScoringModel } from './support';

function previewAnswer(score: number, tier: string, missing: string[] = []) {
  return {
    data: {
      scorePreview: {
        __typename: 'ScorePreview', score, tier, isKeyAccount: score >= 70, missing, modelVersion: 1,
        breakdown: [
          { __typename: 'ScoreComponent', criterion: 'BUDGET', points: 30, maxPoints: 30 },
          { __typename: 'ScoreComponent', criterion: 'COMPANY_SIZE', points: 25, maxPoints: 30 },
          { __typename: 'ScoreComponent', criterion: 'INDUSTRY', points: 20, maxPoints: 20 },
          { __typename: 'ScoreComponent', criterion: 'URGENCY', points: 0, maxPoints: 20 },
        ],
      },
    },
  };
}

function mountForm(props: { serverErrors?: Record<string, string>; refusal?: string | null; values?: LeadFormValues } = {}) {
  const { client } = mockClient(withScoringModel(() => previewAnswer(75, 'KEY_ACCOUNT')));
  let values = props.values ?? emptyLeadForm();
  const { wrapper } = mountWithApp(LeadFormDialog, client, {
    props: {
      modelValue: values,
      'onUpdate:modelValue': (next: LeadFormValues) => {
        values = next;
        void wrapper.setProps({ modelValue: next });
      },
      serverErrors: props.serverErrors ?? {},
      refusal: props.refusal ?? null,
    },
    attachTo: document.body,
  });
  return { wrapper, current: () => values };
}

describe('LeadFormDialog', () => {
  it('labels every control', () => {
    const { wrapper } = mountForm();
    for (const control of wrapper.findAll('input, select')) {
      const id = control.attributes('id');
      expect(id, control.html()).toBeTruthy();
      expect(wrapper.find(`label[for="${id}"]`).exists(), `label for ${id}`).toBe(true);
    }
    wrapper.unmount();
  });

  it('shows inline errors on save and does not submit an incomplete lead', async () => {
    const { wrapper } = mountForm();
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')).toBeUndefined();
    expect(wrapper.find('#lead-name-error').text()).toBe('Name is required.');
    expect(wrapper.find('#lead-name').attributes('aria-invalid')).toBe('true');
    expect(wrapper.find('#lead-name').attributes('aria-describedby')).toBe('lead-name-error');
    expect(wrapper.find('#lead-budget-error').text()).toBe('Choose the Budget.');
    expect(wrapper.find('#lead-email-error').exists()).toBe(false);

    await wrapper.find('#lead-name').setValue('Anna Berger');
    expect(wrapper.find('#lead-name-error').exists()).toBe(false);
    wrapper.unmount();
  });

  it('previews the score and submits a complete lead', async () => {
    const values: LeadFormValues = { name: 'Anna', company: 'Isar', email: 'anna@isar.example', phone: '', budget: 'OVER_100K', companySize: 'SIZE_201_1000', industry: 'SOFTWARE', urgency: 'NO_TIMELINE', source: 'EVENT' };
    const { wrapper } = mountForm({ values });
    await new Promise((r) => setTimeout(r, 150)); // preview debounce
    await flush();
    expect(wrapper.find('[data-testid=score-preview]').text()).toContain('This lead scores 75 → Key account!');
    expect(wrapper.find('[data-testid=score-preview]').text()).toContain('Budget30 / 30');
    await wrapper.find('form').trigger('submit');
    expect(wrapper.emitted('submit')).toHaveLength(1);
    wrapper.unmount();
  });

  it('shows server field errors inline until the field changes, and keeps the values', async () => {
    const values: LeadFormValues = { name: 'Anna', company: 'Isar', email: '', phone: 'call me', budget: 'OVER_100K', companySize: 'SIZE_201_1000', industry: 'SOFTWARE', urgency: 'NO_TIMELINE', source: 'EVENT' };
    const { wrapper } = mountForm({ values, serverErrors: { phone: 'Phone may contain digits only.' }, refusal: 'Fix the marked fields.' });
    expect(wrapper.find('[role=alert]').text()).toContain('The lead was not saved.');
    expect(wrapper.find('#lead-phone-error').text()).toBe('Phone may contain digits only.');
    expect((wrapper.find('#lead-phone').element as HTMLInputElement).value).toBe('call me');
    expect((wrapper.find('#lead-name').element as HTMLInputElement).value).toBe('Anna');
    await wrapper.find('#lead-phone').setValue('+49 30 1234567');
    expect(wrapper.find('#lead-phone-error').exists()).toBe(false);
    wrapper.unmount();
  });

  it("shows each scored option's points from the active model", async () => {
    const { wrapper } = mountForm();
    await flush();
    await flush();
    const options = (id: string) => wrapper.findAll(`#${id} option`).map((o) => o.text());
    expect(options('lead-budget')).toContain('Over €100,000 · 30 pts');
    expect(options('lead-urgency')).toContain('No timeline · 0 pts');
    expect(options('lead-industry')).toContain('Software · 20 pts');
    // the source is not scored
    expect(options('lead-source')).toContain('Referral');
    wrapper.unmount();
  });
});
