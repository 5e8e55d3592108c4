using System.Globalization;
using AuthorBot.Dialogs.Content;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace AuthorBot.Bot.Health;

/// <summary>Ready while the author's content (books, events, launch) is loaded and valid.</summary>
internal sealed class AuthorContentHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var content = services.GetRequiredService<AuthorContent>();
            return Task.FromResult(HealthCheckResult.Healthy(string.Create(
                CultureInfo.InvariantCulture, $"{content.Books.Count} books and {content.Events.Count} events loaded.")));
        }
        catch (AuthorContentException ex)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(string.Create(
                CultureInfo.InvariantCulture, $"The author's content has {ex.Errors.Count} error(s): {string.Join("; ", ex.Errors.Take(3))}")));
        }
    }
}
