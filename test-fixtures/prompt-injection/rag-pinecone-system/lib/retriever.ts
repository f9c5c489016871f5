// Vector-store retrieval over the help-center index (Pinecone via LangChain)
import { Pinecone } from '@pinecone-database/pinecone';
import { PineconeStore } from '@langchain/pinecone';
import { OpenAIEmbeddings } from '@langchain/openai';

const pinecone = new Pinecone({ apiKey: process.env.PINECONE_API_KEY! });
const embeddings = new OpenAIEmbeddings({ model: 'text-embedding-3-small' });

export async function retrieveContext(question: string): Promise<string> {
  const store = await PineconeStore.fromExistingIndex(embeddings, {
    pineconeIndex: pinecone.Index('help-center'),
  });
  const docs = await store.similaritySearch(question, 4);
  return docs.map((d) => d.pageContent).join('\n---\n');
}
