using AuthorBot.BotFramework.Hosting;
using Microsoft.Extensions.Configuration;

namespace AuthorBot.BotFramework.Tests.Hosting;

public sealed class AnonymousListenGuardTests
{
    [Theory]
    [InlineData("http://localhost:3978")]
    [InlineData("http://127.0.0.1:5000;http://[::1]:5000")]
    [InlineData("https://localhost:5001")]
    public void Anonymous_mode_on_loopback_is_allowed(string urls) => Assert.Null(AnonymousListenGuard.Check(Config(("urls", urls))));

    [Theory]
    [InlineData("http://0.0.0.0:8080")]
    [InlineData("http://+:8080")]
    [InlineData("http://*:80")]
    [InlineData("http://[::]:80")]
    [InlineData("http://localhost:3978;http://192.168.1.20:3978")]
    [InlineData("https://bot.example.com")]
    public void Anonymous_mode_beyond_loopback_is_refused_naming_the_settings(string urls)
    {
        var error = AnonymousListenGuard.Check(Config(("urls", urls)));

        Assert.NotNull(error);
        Assert.Contains("MicrosoftAppId", error, StringComparison.Ordinal);
        Assert.Contains("BotFramework:AllowAnonymous=true", error, StringComparison.Ordinal);
        Assert.False(AnonymousListenGuard.IsExplicitlyExposed(Config(("urls", urls))));
    }

    [Fact]
    public void Kestrel_endpoints_and_the_ports_variables_count_too()
    {
        Assert.NotNull(AnonymousListenGuard.Check(Config(("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:9000"))));
        Assert.NotNull(AnonymousListenGuard.Check(Config(("HTTP_PORTS", "8080"))));
        Assert.Null(AnonymousListenGuard.Check(Config(("urls", "http://localhost:1"), ("HTTP_PORTS", "8080"))));
    }

    [Fact]
    public void An_app_id_or_an_explicit_allowance_lets_the_host_listen_anywhere()
    {
        Assert.Null(AnonymousListenGuard.Check(Config(("urls", "http://0.0.0.0:8080"), ("MicrosoftAppId", "7c5c1c10-4a4e-4b8e-9d3c-5b2f0a9e1d42"))));

        var allowed = Config(("urls", "http://0.0.0.0:8080"), ("BotFramework:AllowAnonymous", "true"));
        Assert.Null(AnonymousListenGuard.Check(allowed));
        Assert.True(AnonymousListenGuard.IsExplicitlyExposed(allowed));
    }

    private static IConfiguration Config(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value))).Build();
}
