using AuthorBot.Bot.Announcements;
using AuthorBot.Bot.ChatPage;
using AuthorBot.Bot.Dashboard;
using AuthorBot.Bot.DirectLine;
using AuthorBot.Bot.Health;
using AuthorBot.Bot.Hosting;
using AuthorBot.Bot.Newsletter;
using AuthorBot.Bot.Proactive;
using AuthorBot.Bot.Recommendations;
using AuthorBot.Bot.Teams;
using AuthorBot.Bot.Telemetry;
using AuthorBot.Bot.Understanding;
using AuthorBot.Bot.Writing;
using AuthorBot.BotFramework.Builder;
using AuthorBot.BotFramework.Diagnostics;
using AuthorBot.BotFramework.DirectLine;
using AuthorBot.BotFramework.Hosting;
using AuthorBot.BotFramework.State;
using AuthorBot.Dialogs;

namespace AuthorBot.Bot;

/// <summary>Builds the AuthorBot web host; Program runs it, tests start it on a free loopback port.</summary>
public static class AuthorBotApp
{
    /// <summary>Emulator's default port, used when neither PORT nor ASPNETCORE_URLS says otherwise.</summary>
    public const int DefaultPort = 3978;

    /// <summary>Creates the host.</summary>
    /// <param name="args">Command-line arguments (configuration overrides such as --Storage:Provider=Memory).</param>
    /// <param name="configure">Optional last-minute changes (tests use it to pick ports and storage).</param>
    /// <returns>The built application, not yet started.</returns>
    public static WebApplication Create(string[] args, Action<WebApplicationBuilder>? configure = null)
    {
        // The chat page lives next to the binaries (the build copies wwwroot there), so it is found whatever the
        // working directory: dotnet run, a published folder, or a test host.
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            WebRootPath = Path.Combine(AppContext.BaseDirectory, "wwwroot"),
        });
        ConfigureUrls(builder);
        builder.Logging.AddSimpleConsole(options =>
        {
            options.SingleLine = true;
            options.IncludeScopes = true;
            options.TimestampFormat = "HH:mm:ss.fff ";
        });

        // In-flight turns get this long to finish when the host is asked to stop.
        builder.Services.Configure<HostOptions>(options => options.ShutdownTimeout = TimeSpan.FromSeconds(20));
        builder.Services.AddBotFramework(builder.Configuration);
        builder.Services.AddBotState(builder.Configuration);
        builder.Services.AddAuthorBotDialogs();
        builder.Services.AddWritingConfiguration(builder.Configuration);
        builder.Services.AddRecommendations(builder.Configuration);
        builder.Services.AddDirectLine(builder.Configuration);
        builder.Services.AddReaderIdentity(builder.Configuration, builder.Environment.ContentRootPath);
        builder.Services.AddTrustedForwardedHeaders(builder.Configuration);
        builder.Services.AddAnnouncements(builder.Configuration);
        builder.Services.AddNewsletterEmail(builder.Configuration);
        builder.Services.AddDashboard();
        builder.Services.AddTeams(builder.Configuration);
        builder.Services.AddUnderstandingStores(builder.Configuration);
        builder.Services.AddAuthorBotTelemetry(builder.Configuration);
        builder.Services.AddAuthorBotHealthChecks();
        configure?.Invoke(builder);
        if (AnonymousListenGuard.Check(builder.Configuration) is { } exposed)
        {
            throw new InvalidOperationException(exposed);
        }

        var app = builder.Build();
        app.UseTrustedForwardedHeaders();
        UseBotMiddleware(app.Services);
        WarnWhenAnonymous(app);
        StartupBanner.LogWhereToChat(app);
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.MapBotEndpoint("/api/messages");
        app.MapDirectLine("/v3/directline");
        app.MapDirectLineTokenEndpoint("/api/directline/token");
        app.MapAnnouncements();
        app.MapUnderstanding();
        app.MapNewsletter();
        app.MapChatBranding("/api/chat/branding");
        app.MapDashboard();
        app.MapAuthorBotHealthChecks();
        app.MapPrometheusWhenEnabled();
        return app;
    }

    private static void ConfigureUrls(WebApplicationBuilder builder)
    {
        // ASPNETCORE_URLS / --urls win; PORT (set by the benchmark harness and many hosts) comes next.
        if (!string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            return;
        }

        var port = builder.Configuration["PORT"];
        var host = builder.Configuration["HOST"];
        var url = int.TryParse(port, out var p) && p is > 0 and < 65536
            ? $"http://{(string.IsNullOrWhiteSpace(host) ? "localhost" : host)}:{p}"
            : $"http://localhost:{DefaultPort}";
        builder.WebHost.UseUrls(url);
    }

    private static void UseBotMiddleware(IServiceProvider services)
    {
        // Both channels' adapters run the same pipeline: turns of one reader one at a time, then state loaded and
        // saved once around the bot. One serialization instance, so a reader on two channels is still serialized.
        var serialization = services.GetRequiredService<TurnSerializationMiddleware>();
        var userState = services.GetRequiredService<UserState>();
        var conversationState = services.GetRequiredService<ConversationState>();
        // Every reader turn reads the dialog stack and the profile: one read of both documents instead of one each.
        var autoSave = new AutoSaveStateMiddleware(userState, conversationState) { LoadBeforeTurn = true };

        // Serialization removes conflicts within this process; a write from elsewhere (another instance on the same
        // store, an erase outside the turn) still loses the ETag race, and the turn then runs again on fresh state.
        var retry = new RetryOnStateConflictMiddleware(userState, conversationState);
        BotAdapter[] adapters = [services.GetRequiredService<BotAdapter>(), services.GetRequiredService<DirectLineAdapter>()];
        var references = services.GetRequiredService<ConversationReferenceMiddleware>();
        var tenants = services.GetRequiredService<AllowedTenantsMiddleware>();
        var mentions = new RecipientMentionMiddleware();
        var telemetry = services.GetRequiredService<TurnTelemetryMiddleware>();
        foreach (var adapter in adapters)
        {
            // First, so the turn's span and latency cover everything after it, including refused tenants.
            adapter.Use(telemetry);
            // Other Teams tenants are turned away before anything about them is stored; the bot's @mention is gone
            // before anything reads the text, and group messages not meant for it stop there.
            adapter.Use(tenants);
            adapter.Use(mentions);
            adapter.Use(references);
            adapter.Use(serialization);
            adapter.Use(retry);
            adapter.Use(autoSave);
        }

        // A failed card button answers with an apology instead of a 5xx.
        var connector = adapters[0];
        connector.OnTurnError = CardActionFailure.Around(connector.OnTurnError, services.GetRequiredService<ILoggerFactory>().CreateLogger("AuthorBot.Teams"));

        // The Connector adapter apologises on a failed turn by default; Web Chat readers deserve the same.
        var directLine = adapters[1];
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("AuthorBot.DirectLine");
        directLine.OnTurnError ??= async (turnContext, exception) =>
        {
            logger.LogError(exception, "A Direct Line turn failed in conversation {ConversationId}", turnContext.Activity.Conversation?.Id);
            await turnContext.SendActivityAsync(CloudAdapter.DefaultErrorMessage).ConfigureAwait(false);
        };
    }

    private static void WarnWhenAnonymous(WebApplication app)
    {
        if (AnonymousListenGuard.IsExplicitlyExposed(app.Configuration))
        {
            app.Logger.LogCritical("BotFramework:AllowAnonymous=true and no MicrosoftAppId: the bot listens beyond this machine and checks no tokens, so anyone who can reach /api/messages can act as any reader. Only run it like this behind something that authenticates every request.");
        }
        else if (string.IsNullOrWhiteSpace(app.Configuration["MicrosoftAppId"]))
        {
            app.Logger.LogWarning("MicrosoftAppId is empty: running in anonymous development mode (no tokens are checked or sent). Use this only on a trusted machine, e.g. with Bot Framework Emulator.");
        }
    }
}
