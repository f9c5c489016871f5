// Classification chain using the uncapped model from ./lib/llm (no finding at the call sites).
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { llm } from './lib/llm';

const prompt = ChatPromptTemplate.fromMessages([
  ['system', 'Classify the review as positive, negative or mixed. Reply with one word.'],
  ['human', '{review}'],
]);

const chain = prompt.pipe(llm).pipe(new StringOutputParser());

export async function classify(review: string) {
  return chain.invoke({ review });
}

export async function classifyMany(reviews: string[]) {
  return chain.batch(reviews.map((review) => ({ review })));
}
