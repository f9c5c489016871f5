// Client component rendering model markdown with ReactMarkdown + rehype-raw and no rehype-sanitize.
'use client';

import { useCompletion } from '@ai-sdk/react';
import ReactMarkdown from 'react-markdown';
import rehypeRaw from 'rehype-raw';
import remarkGfm from 'remark-gfm';

export function ReleaseNotesDraft({ changelog }: { changelog: string }) {
  const { completion, complete, isLoading } = useCompletion({ api: '/api/release-notes' });

  return (
    <div className="release-notes">
      <button onClick={() => complete(changelog)} disabled={isLoading}>
        Draft release notes
      </button>
      {/* expect: unvalidated-llm-output */}
      <ReactMarkdown remarkPlugins={[remarkGfm]} rehypePlugins={[rehypeRaw]}>{completion}</ReactMarkdown>
    </div>
  );
}
