using AuthorBot.BotFramework.Auth;

namespace AuthorBot.Bot.Proactive;

/// <summary>
/// The service URLs channels sent authenticated requests from, kept beside the conversation references they serve, so
/// announcements and reminders after a restart go only where an authenticated channel once was.
/// </summary>
internal sealed class TrustedServiceUrlStore(ProactiveDatabase database, TimeProvider time) : IServiceUrlTrustStore
{
    public Task AddAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        return database.WriteAsync(
            async (connection, transaction) =>
            {
                using var insert = connection.CreateCommand();
                insert.Transaction = transaction;
                insert.CommandText = "INSERT INTO trusted_service_urls (service_url, trusted_at) VALUES (@s, @t) ON CONFLICT (service_url) DO NOTHING;";
                insert.Parameters.AddWithValue("@s", serviceUrl.ToLowerInvariant());
                insert.Parameters.AddWithValue("@t", time.GetUtcNow().ToUnixTimeMilliseconds());
                return await insert.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            },
            cancellationToken);
    }

    public Task<bool> ContainsAsync(string serviceUrl, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(serviceUrl);
        return database.ReadAsync(
            async connection =>
            {
                using var query = connection.CreateCommand();
                query.CommandText = "SELECT 1 FROM trusted_service_urls WHERE service_url = @s;";
                query.Parameters.AddWithValue("@s", serviceUrl.ToLowerInvariant());
                return await query.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false) is not null;
            },
            cancellationToken);
    }
}
