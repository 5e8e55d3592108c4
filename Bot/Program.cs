using AuthorBot.Bot;
using AuthorBot.Bot.Hosting;

SingleCpuTiering.ReexecuteIfNeeded();
var app = AuthorBotApp.Create(args);
await app.RunAsync().ConfigureAwait(false);
