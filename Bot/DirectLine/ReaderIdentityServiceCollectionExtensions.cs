using AuthorBot.BotFramework.State;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace AuthorBot.Bot.DirectLine;

/// <summary>Registers the Web Chat reader cookie and the Data Protection key ring behind it.</summary>
internal static class ReaderIdentityServiceCollectionExtensions
{
    /// <summary>How long a reader is remembered without visiting (each token request renews it).</summary>
    public static readonly TimeSpan DefaultReaderLifetime = TimeSpan.FromDays(365);

    /// <summary>
    /// Adds Data Protection with its keys in <c>keys</c> under <c>DirectLine:DataDirectory</c> (so cookies outlive a
    /// restart and a deployment, like the Direct Line secret beside them), or, with <c>Storage:Provider=Postgres</c>, in
    /// the database the instances share (<see cref="StorageXmlRepository"/>), so a reader keeps their id whichever
    /// instance answers; and <see cref="ReaderCookie"/>, lasting <c>DirectLine:TokenEndpoint:ReaderLifetime</c>.
    /// </summary>
    public static IServiceCollection AddReaderIdentity(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var dataDirectory = configuration["DirectLine:DataDirectory"];
        var keys = Path.GetFullPath(Path.Combine(contentRoot, string.IsNullOrWhiteSpace(dataDirectory) ? "App_Data" : dataDirectory, "keys"));
        var dataProtection = services.AddDataProtection().SetApplicationName("AuthorBot");
        if (string.Equals(configuration["Storage:Provider"], BotStateServiceCollectionExtensions.PostgresProvider, StringComparison.OrdinalIgnoreCase))
        {
            services.AddSingleton<IConfigureOptions<KeyManagementOptions>>(sp =>
                new ConfigureOptions<KeyManagementOptions>(options => options.XmlRepository = new StorageXmlRepository(sp.GetRequiredService<IStorage>())));
        }
        else
        {
            dataProtection.PersistKeysToFileSystem(new DirectoryInfo(keys));
        }
        var lifetime = configuration.GetValue("DirectLine:TokenEndpoint:ReaderLifetime", DefaultReaderLifetime);
        if (lifetime <= TimeSpan.Zero)
        {
            throw new InvalidOperationException("DirectLine:TokenEndpoint:ReaderLifetime must be positive.");
        }

        services.AddSingleton(sp => new ReaderCookie(sp.GetRequiredService<IDataProtectionProvider>(), sp.GetRequiredService<TimeProvider>(), lifetime));
        return services;
    }
}
