// LLM clients shared by the API: OpenAI for chat, Claude for ticket summaries,
// and the self-hosted SQL model that runs next to the database in the internal network.
import OpenAI from "openai";
import Anthropic from "@anthropic-ai/sdk";

export const openai = new OpenAI({
  apiKey: process.env.OPENAI_API_KEY,
  timeout: 30_000,
  maxRetries: 2,
});

export const anthropic = new Anthropic({
  // expect: hardcoded-llm-key
  apiKey: process.env.ANTHROPIC_API_KEY ?? "sk-ant-api03-MrPiSGE8fGLHZVWX9XJPE1-3aJazt4WY7849Dmybze27Y2F",
  timeout: 30_000,
});

// vLLM serving an open text-to-SQL model (OpenAI-compatible API).
export const sqlModel = new OpenAI({
  // expect: insecure-llm-transport
  baseURL: "http://llm.internal.example.com:8000/v1",
  apiKey: process.env.INTERNAL_LLM_TOKEN,
  timeout: 20_000,
});

export const SQL_MODEL = "defog/sqlcoder-7b-2";
