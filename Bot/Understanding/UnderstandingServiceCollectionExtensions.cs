using AuthorBot.Dialogs.HandOff;
using AuthorBot.Dialogs.Intents;
using AuthorBot.Dialogs.Privacy;

namespace AuthorBot.Bot.Understanding;

/// <summary>Keeps misses and the author's inbox in the bot's database (replacing the dialogs' in-memory ones).</summary>
internal static class UnderstandingServiceCollectionExtensions
{
    /// <summary>Registers the miss store (also the source of labelled misses), the inbox and the inbox's privacy store.</summary>
    public static IServiceCollection AddUnderstandingStores(this IServiceCollection services)
    {
        services.AddSingleton<MissStore>();
        services.AddSingleton<IMissLog>(sp => sp.GetRequiredService<MissStore>());
        services.AddSingleton<ILabelledExampleSource>(sp => sp.GetRequiredService<MissStore>());
        services.AddSingleton<AuthorInboxStore>();
        services.AddSingleton<IAuthorInbox>(sp => sp.GetRequiredService<AuthorInboxStore>());
        services.AddSingleton<IReaderDataStore, AuthorInboxDataStore>();
        return services;
    }
}
