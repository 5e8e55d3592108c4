using AuthorBot.Dialogs.HandOff;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Privacy;
using AuthorBot.Understanding.Intents;

namespace AuthorBot.Bot.Understanding;

/// <summary>Keeps misses and the author's inbox in the bot's database (replacing the dialogs' in-memory ones).</summary>
internal static class UnderstandingServiceCollectionExtensions
{
    /// <summary>The default folder of trained intent models, relative to the content root.</summary>
    public const string DefaultModelDirectory = "App_Data/intent-models";

    /// <summary>
    /// Registers the miss store (also the source of labelled misses), the inbox and the inbox's privacy store, and a model
    /// cache that keeps the trained classifier in <c>Understanding:ModelDirectory</c> (default
    /// <see cref="DefaultModelDirectory"/>), so a restart with the same examples loads it instead of training again.
    /// </summary>
    public static IServiceCollection AddUnderstandingStores(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var modelDirectory = configuration["Understanding:ModelDirectory"];
        services.AddSingleton(sp => new IntentModelCache(Path.GetFullPath(
            string.IsNullOrWhiteSpace(modelDirectory) ? DefaultModelDirectory : modelDirectory,
            sp.GetRequiredService<IHostEnvironment>().ContentRootPath)));
        services.AddSingleton<MissStore>();
        services.AddSingleton<IMissLog>(sp => sp.GetRequiredService<MissStore>());
        services.AddSingleton<ILabelledExampleSource>(sp => sp.GetRequiredService<MissStore>());
        services.AddSingleton<AuthorInboxStore>();
        services.AddSingleton<IAuthorInbox>(sp => sp.GetRequiredService<AuthorInboxStore>());
        services.AddSingleton<IReaderDataStore, AuthorInboxDataStore>();
        return services;
    }
}
