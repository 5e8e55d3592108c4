using AuthorBot.Bot;

var app = AuthorBotApp.Create(args);
await app.RunAsync().ConfigureAwait(false);
