// Client component that injects the streamed completion from useCompletion via dangerouslySetInnerHTML.
'use client';

import { useCompletion } from '@ai-sdk/react';

export default function ProductBlurb() {
  const { completion, input, handleInputChange, handleSubmit, isLoading } = useCompletion({ api: '/api/blurb' });

  return (
    <section>
      <form onSubmit={handleSubmit}>
        <input value={input} onChange={handleInputChange} placeholder="Describe the product" />
        <button type="submit" disabled={isLoading}>
          Generate
        </button>
      </form>
      {/* expect: unvalidated-llm-output */}
      <article className="prose" dangerouslySetInnerHTML={{ __html: completion }} />
    </section>
  );
}
