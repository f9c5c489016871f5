// Discord bot: the text after "!persona" in a channel message becomes the bot's system prompt.
const { Client, Events, GatewayIntentBits } = require('discord.js');
const Groq = require('groq-sdk');

const groq = new Groq({ apiKey: process.env.GROQ_API_KEY });
const client = new Client({ intents: [GatewayIntentBits.Guilds, GatewayIntentBits.GuildMessages, GatewayIntentBits.MessageContent] });

client.on(Events.MessageCreate, async (message) => {
  if (message.author.bot || !message.content.startsWith('!ask ')) return;
  const [persona, ...rest] = message.content.slice(5).split('|');
  const completion = await groq.chat.completions.create({
    model: 'llama-3.1-8b-instant',
    max_tokens: 300,
    messages: [
      // expect: prompt-injection
      { role: 'system', content: `You are ${persona}. Stay in character.` },
      { role: 'user', content: rest.join('|') },
    ],
  });
  await message.reply(completion.choices[0].message.content ?? '');
});

client.login(process.env.DISCORD_TOKEN);
