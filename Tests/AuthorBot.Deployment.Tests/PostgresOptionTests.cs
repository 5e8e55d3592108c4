using System.Text.Json;
using System.Text.RegularExpressions;
using Npgsql;

namespace AuthorBot.Deployment.Tests;

/// <summary>
/// The template's PostgreSQL option (issue 15): SQLite stays the default with one instance; with
/// <c>storageProvider = 'Postgres'</c> it creates a Flexible Server with the bot's database and sets
/// <c>Storage__Provider</c> and <c>ConnectionStrings__Postgres</c> on the web app, the password only as a secure value
/// or a Key Vault reference.
/// </summary>
public partial class PostgresOptionTests(BicepFixture bicep) : IClassFixture<BicepFixture>
{
    [Fact]
    public void SQLite_stays_the_default_with_one_instance_and_no_database_server()
    {
        var output = bicep.Build("main.bicep").Output;
        using var template = JsonDocument.Parse(output);
        var parameters = template.RootElement.GetProperty("parameters");

        Assert.Equal("Sqlite", parameters.GetProperty("storageProvider").GetProperty("defaultValue").GetString());
        Assert.Equal(1, parameters.GetProperty("instanceCount").GetProperty("defaultValue").GetInt32());
        Assert.Equal("[equals(parameters('storageProvider'), 'Postgres')]", template.RootElement.GetProperty("variables").GetProperty("usesPostgres").GetString());
        var postgres = template.RootElement.GetProperty("resources").EnumerateArray()
            .Single(r => r.GetProperty("type").GetString() == "Microsoft.Resources/deployments" && r.GetProperty("name").GetString() == "postgres");
        Assert.Equal("[variables('usesPostgres')]", postgres.GetProperty("condition").GetString());

        // Without the option the web app gets no storage setting at all: the host's SQLite default, as before.
        Assert.EndsWith(", createObject())]", StorageSettings(output), StringComparison.Ordinal);

        using var built = JsonDocument.Parse(bicep.Build("main.bicepparam").Output);
        using var parameterFile = JsonDocument.Parse(built.RootElement.GetProperty("parametersJson").GetString()!);
        var values = parameterFile.RootElement.GetProperty("parameters");
        Assert.Equal("Sqlite", values.GetProperty("storageProvider").GetProperty("value").GetString());
        Assert.Equal(string.Empty, values.GetProperty("postgresAdministratorPassword").GetProperty("value").GetString());
    }

    [Fact]
    public void The_PostgreSQL_option_creates_a_flexible_server_with_the_bots_database_reachable_from_Azure_only_over_TLS()
    {
        var module = DeployedTemplate.Module(bicep.Build("main.bicep").Output, "postgres");
        var server = DeployedTemplate.Resource(module, "Microsoft.DBforPostgreSQL/flexibleServers").GetProperty("properties");
        var database = DeployedTemplate.Resource(module, "Microsoft.DBforPostgreSQL/flexibleServers/databases");
        var rule = DeployedTemplate.Resource(module, "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules").GetProperty("properties");

        Assert.Equal("[parameters('administratorPassword')]", server.GetProperty("administratorLoginPassword").GetString());
        Assert.Equal("securestring", module.GetProperty("parameters").GetProperty("administratorPassword").GetProperty("type").GetString());
        Assert.Equal("Enabled", server.GetProperty("authConfig").GetProperty("passwordAuth").GetString());
        Assert.Contains("parameters('databaseName')", database.GetProperty("name").GetString(), StringComparison.Ordinal);
        Assert.Equal(("0.0.0.0", "0.0.0.0"), (rule.GetProperty("startIpAddress").GetString(), rule.GetProperty("endIpAddress").GetString()));

        // The module has no output that could carry the password.
        Assert.Equal(["databaseName", "fullyQualifiedDomainName"], module.GetProperty("outputs").EnumerateObject().Select(o => o.Name).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void The_PostgreSQL_option_sets_the_provider_and_the_connection_string_on_the_web_app_as_a_secure_value_or_a_Key_Vault_reference()
    {
        var output = bicep.Build("main.bicep").Output;
        var webApp = DeployedTemplate.Module(output, "webApp");

        Assert.StartsWith(
            "[if(equals(parameters('storageProvider'), 'Postgres'), createObject('Storage__Provider', 'Postgres', 'ConnectionStrings__Postgres', if(empty(parameters('postgresConnectionStringSecretUri')), parameters('postgresConnectionString'), format('@Microsoft.KeyVault(SecretUri={0})', parameters('postgresConnectionStringSecretUri'))))",
            StorageSettings(output),
            StringComparison.Ordinal);
        Assert.Contains("variables('storageSettings')", DeployedTemplate.Resource(webApp, "Microsoft.Web/sites/config").GetProperty("properties").GetString(), StringComparison.Ordinal);
        Assert.Equal("securestring", webApp.GetProperty("parameters").GetProperty("postgresConnectionString").GetProperty("type").GetString());

        // A Key Vault secret gives the site an identity to resolve it with, as the SMTP password does.
        Assert.Contains("parameters('postgresConnectionStringSecretUri')", webApp.GetProperty("variables").GetProperty("usesKeyVault").GetString(), StringComparison.Ordinal);

        // The connection string main.bicep builds is one Npgsql reads: TLS required, the pool bounded per instance.
        var format = ConnectionStringFormat().Match(output);
        Assert.True(format.Success, "main.bicep does not build the connection string with format().");
        var builder = new NpgsqlConnectionStringBuilder(string.Format(System.Globalization.CultureInfo.InvariantCulture, format.Groups["format"].Value, "bot-pg.postgres.database.azure.com", "authorbot", "authorbot", "secret", 10));
        Assert.Equal(("bot-pg.postgres.database.azure.com", 5432, "authorbot", "secret"), (builder.Host, builder.Port, builder.Database, builder.Password));
        Assert.Equal(SslMode.Require, builder.SslMode);
        Assert.Equal(10, builder.MaxPoolSize);
    }

    [Fact]
    public void More_than_one_instance_is_refused_on_SQLite_and_sizes_the_plan_on_PostgreSQL()
    {
        var output = bicep.Build("main.bicep").Output;
        using var template = JsonDocument.Parse(output);
        var capacity = template.RootElement.GetProperty("variables").GetProperty("planCapacity").GetString()!;

        Assert.StartsWith("[if(or(equals(parameters('instanceCount'), 1), variables('usesPostgres')), parameters('instanceCount'), fail(", capacity, StringComparison.Ordinal);
        var plan = DeployedTemplate.Resource(DeployedTemplate.Module(output, "webApp"), "Microsoft.Web/serverfarms");
        Assert.Equal("[parameters('instanceCount')]", plan.GetProperty("sku").GetProperty("capacity").GetString());
    }

    private static string StorageSettings(string armJson) =>
        DeployedTemplate.Module(armJson, "webApp").GetProperty("variables").GetProperty("storageSettings").GetString()!;

    // format('Host={0};...', ...) as main.json spells the webApp module's postgresConnectionString.
    [GeneratedRegex(@"format\('(?<format>Host=\{0\};[^']*)'", RegexOptions.CultureInvariant)]
    private static partial Regex ConnectionStringFormat();
}
