using System.Text.Json;
using AuthorBot.BotFramework.Dialogs;
using AuthorBot.BotFramework.State;

namespace AuthorBot.BotFramework.Tests.Dialogs;

public class DialogInstanceStateConverterTests
{
    [Fact]
    public void Nested_values_wait_as_json_until_read_by_type_and_primitives_come_back_as_themselves()
    {
        var inner = new DialogState([new DialogInstance { Id = "prompt", State = { ["attempts"] = 2 } }]);
        var instance = new DialogInstance
        {
            Id = "component",
            State =
            {
                ["dialogs"] = inner,
                ["values"] = new Dictionary<string, object?> { ["name"] = "Jo", ["tags"] = new List<object?> { "a", "b" } },
                ["stepIndex"] = 3,
                ["ratio"] = 0.5,
                ["done"] = true,
                ["nothing"] = null,
                ["text"] = "hi",
            },
        };

        var loaded = JsonSerializer.Deserialize<DialogInstance>(JsonSerializer.Serialize(instance, StateJson.Options), StateJson.Options)!;

        Assert.IsType<JsonElement>(loaded.State["dialogs"]);
        Assert.IsType<JsonElement>(loaded.State["values"]);
        Assert.Equal(3L, loaded.State["stepIndex"]);
        Assert.Equal(0.5, loaded.State["ratio"]);
        Assert.Equal(true, loaded.State["done"]);
        Assert.Null(loaded.State["nothing"]);
        Assert.Equal("hi", loaded.State["text"]);

        var stack = loaded.State.GetValue<DialogState>("dialogs")!;
        Assert.Equal("prompt", Assert.Single(stack.DialogStack).Id);
        Assert.Equal(2, stack.DialogStack[0].State.GetValue<int>("attempts"));
        Assert.Same(stack, loaded.State["dialogs"]);
        Assert.Equal(3, loaded.State.GetValue<int>("stepIndex"));
        var values = loaded.State.GetValue<IDictionary<string, object?>>("values")!;
        Assert.Equal("Jo", values["name"]);
    }

    [Fact]
    public void A_read_and_changed_level_is_saved_with_its_change_and_unread_levels_unchanged()
    {
        var instance = new DialogInstance
        {
            Id = "outer",
            State = { ["dialogs"] = new DialogState([new DialogInstance { Id = "inner", State = { ["n"] = 1 } }]), ["other"] = new[] { 1, 2, 3 } },
        };
        var loaded = JsonSerializer.Deserialize<DialogInstance>(JsonSerializer.Serialize(instance, StateJson.Options), StateJson.Options)!;

        loaded.State.GetValue<DialogState>("dialogs")!.DialogStack[0].State["n"] = 2;
        var again = JsonSerializer.Deserialize<DialogInstance>(JsonSerializer.Serialize(loaded, StateJson.Options), StateJson.Options)!;

        Assert.Equal(2, again.State.GetValue<DialogState>("dialogs")!.DialogStack[0].State.GetValue<int>("n"));
        Assert.Equal([1, 2, 3], again.State.GetValue<int[]>("other")!);
    }

    [Fact]
    public void State_that_is_not_an_object_is_a_clear_json_error()
    {
        var error = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DialogInstance>("{\"id\":\"x\",\"state\":[1]}", StateJson.Options));
        Assert.Contains("JSON object", error.Message, StringComparison.Ordinal);
    }
}
