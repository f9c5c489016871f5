// HR assistant: an employee's salary is written into the Bedrock Converse system prompt
import { BedrockRuntimeClient, ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { getEmployee } from './hr-directory';

const client = new BedrockRuntimeClient({ region: process.env.AWS_REGION });

export async function answerCompQuestion(employeeId: string, question: string) {
  const employee = await getEmployee(employeeId);
  const response = await client.send(
    new ConverseCommand({
      modelId: 'amazon.nova-pro-v1:0',
      // expect: secret-in-prompt
      system: [{ text: `You answer compensation questions for ${employee.name}. Current salary: ${employee.salary} USD.` }],
      messages: [{ role: 'user', content: [{ text: question }] }],
      inferenceConfig: { maxTokens: 400, temperature: 0.2 },
    }),
  );
  return response.output?.message?.content?.[0]?.text ?? '';
}
