// Help-center answers (RAG): finds the closest help articles in pgvector and lets the model answer from them.
import { ChatOpenAI, OpenAIEmbeddings } from "@langchain/openai";
import { ChatPromptTemplate } from "@langchain/core/prompts";
import { StringOutputParser } from "@langchain/core/output_parsers";
import { PGVectorStore } from "@langchain/community/vectorstores/pgvector";

// ok: missing-max-tokens
const embeddings = new OpenAIEmbeddings({ model: "text-embedding-3-small" });

const model = new ChatOpenAI({ model: "gpt-4.1-mini", temperature: 0, maxTokens: 700 });

const answerPrompt = ChatPromptTemplate.fromMessages([
  [
    "system",
    "You are the Acme Cloud help-center assistant. Answer the customer's question using only the help-center " +
      "articles below, and link the article you used. If the articles do not cover the question, say so and " +
      "suggest opening a support ticket.\n\nArticles:\n{context}",
  ],
  ["human", "{question}"],
]);

const chain = answerPrompt.pipe(model).pipe(new StringOutputParser());

let store: Promise<PGVectorStore> | undefined;

function getStore(): Promise<PGVectorStore> {
  store ??= PGVectorStore.initialize(embeddings, {
    postgresConnectionOptions: { connectionString: process.env.DATABASE_URL },
    tableName: "kb_articles",
  });
  return store;
}

/** Answers a help-center question from the four most relevant articles. */
export async function answerFromKb(question: string): Promise<string> {
  const articles = await (await getStore()).similaritySearch(question, 4);
  const context = articles
    .map((doc) => `## ${doc.metadata.title} (${doc.metadata.url})\n${doc.pageContent}`)
    .join("\n\n---\n\n");

  // expect: prompt-injection
  return chain.invoke({ context, question });
}
