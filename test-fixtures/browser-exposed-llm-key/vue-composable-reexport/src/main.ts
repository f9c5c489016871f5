// Vite + Vue entry: wires the assistant composable (imported through the barrel) to the help widget
import { createApp, h } from 'vue';
import { useAssistant } from './composables';

const HelpWidget = {
  setup() {
    const { answer, loading, ask } = useAssistant();
    const question = { value: '' };
    return () =>
      h('div', [
        h('input', { onInput: (e: Event) => (question.value = (e.target as HTMLInputElement).value) }),
        h('button', { onClick: () => ask(question.value), disabled: loading.value }, 'Ask'),
        h('p', answer.value),
      ]);
  },
};

createApp(HelpWidget).mount('#help');
