// LangChain chain: an account's IBAN fills a prompt-template variable
import { ChatPromptTemplate } from '@langchain/core/prompts';
import { StringOutputParser } from '@langchain/core/output_parsers';
import { ChatMistralAI } from '@langchain/mistralai';
import { getAccount, listTransactions } from './banking';

const prompt = ChatPromptTemplate.fromMessages([
  ['system', 'You explain bank transactions in plain language.'],
  ['human', 'Explain the recent activity on account {iban}:\n{transactions}'],
]);
const model = new ChatMistralAI({ model: 'mistral-large-latest', maxTokens: 600 });
const chain = prompt.pipe(model).pipe(new StringOutputParser());

export async function explainActivity(accountId: string): Promise<string> {
  const account = await getAccount(accountId);
  const txns = await listTransactions(accountId, { limit: 20 });
  return chain.invoke({
    // expect: secret-in-prompt
    iban: account.iban,
    transactions: txns.map((t) => `${t.date} ${t.merchant} ${t.amount}`).join('\n'),
  });
}
