using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AuthorBot.Dialogs.Content;

/// <summary>Registers the author's content and its start-up check.</summary>
public static class ContentServiceCollectionExtensions
{
    /// <summary>The configuration key of the content file's path (relative paths are relative to the app's folder).</summary>
    public const string PathKey = "AuthorContent:Path";

    /// <summary>The shipped demo author's file, beside the app's assemblies.</summary>
    public static readonly string DefaultRelativePath = Path.Combine("Data", "author.json");

    /// <summary>
    /// Registers <see cref="AuthorContent"/> loaded from <see cref="PathKey"/> (default <see cref="DefaultRelativePath"/>)
    /// and a hosted service that loads it at start-up; an earlier registration of <see cref="AuthorContent"/> wins.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddAuthorContent(this IServiceCollection services)
    {
        services.TryAddSingleton(sp => AuthorContentLoader.Load(ResolvePath(sp.GetService<IConfiguration>()?[PathKey])));
        services.AddHostedService<AuthorContentStartupCheck>();
        return services;
    }

    /// <summary>The full path of the content file for a configured value.</summary>
    /// <param name="configured">The configured path, or null for the default.</param>
    /// <returns>The full path.</returns>
    public static string ResolvePath(string? configured) =>
        Path.GetFullPath(string.IsNullOrWhiteSpace(configured) ? DefaultRelativePath : configured, AppContext.BaseDirectory);
}
