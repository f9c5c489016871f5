// DynamicStructuredTool that sends an HTTP request with a model-chosen URL, method and body.
import axios from 'axios';
import { DynamicStructuredTool } from '@langchain/core/tools';
import { ChatOpenAI } from '@langchain/openai';
import { z } from 'zod';

// expect: excessive-agency
export const httpRequest = new DynamicStructuredTool({
  name: 'http_request',
  description: 'Call any HTTP API and return the response body.',
  schema: z.object({
    url: z.string(),
    method: z.enum(['GET', 'POST', 'PUT', 'DELETE']),
    body: z.string().optional(),
  }),
  func: async ({ url, method, body }) => {
    // expect: unvalidated-llm-output
    const res = await axios.request({ url, method, data: body });
    return JSON.stringify(res.data).slice(0, 10_000);
  },
});

const llm = new ChatOpenAI({ model: 'gpt-4o', maxTokens: 800 });
export const integrationModel = llm.bindTools([httpRequest]);
