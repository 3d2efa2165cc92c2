using System.Diagnostics.CodeAnalysis;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Naviyam.Gateway.Validation;

/// <summary>
/// Input checked against its rules: the value they let through, or every problem by field. Rules return this instead
/// of throwing, so each transport answers from the same result in its own shape (REST a 400 problem+json, the hub a
/// <c>HubException</c> starting with <c>invalid_input</c>).
/// </summary>
public sealed class Validated<T>
    where T : notnull
{
    private Validated(T? value, InputErrors? errors)
    {
        Value = value;
        Errors = errors;
    }

    /// <summary>Set exactly when <see cref="IsValid"/>.</summary>
    public T? Value { get; }

    /// <summary>Set exactly when not <see cref="IsValid"/>.</summary>
    public InputErrors? Errors { get; }

    [MemberNotNullWhen(true, nameof(Value))]
    [MemberNotNullWhen(false, nameof(Errors))]
    public bool IsValid => Errors is null;

    public static Validated<T> Valid(T value) => new(value, null);

    public static Validated<T> Invalid(InputErrors errors) => new(default, errors);

    /// <summary>The value <paramref name="whenValid"/> builds when <paramref name="errors"/> is empty, else the errors.</summary>
    public static Validated<T> From(Dictionary<string, string[]> errors, Func<T> whenValid) =>
        errors.Count == 0 ? Valid(whenValid()) : Invalid(new InputErrors(errors));
}

/// <summary>Every problem with an input, keyed by the field's name as the client writes it (<c>sessionId</c>, <c>location</c>).</summary>
public sealed record InputErrors(IReadOnlyDictionary<string, string[]> ByField)
{
    /// <summary>Every problem in one sentence, for transports without fields (the hub's error message, a problem's detail).</summary>
    public string Summary => "The request is not valid: " + string.Join(" ", ByField.Values.SelectMany(messages => messages));

    /// <summary>ASP.NET's standard 400 for invalid input: problem+json with the errors by field.</summary>
    public ValidationProblem ToValidationProblem() => TypedResults.ValidationProblem(ByField);
}
