namespace Kencana.Warehouse.Errors;

/// <summary>
/// A request the caller can fix: the one exception the warehouse and the server throw for bad input, with a code from
/// <see cref="ErrorCodes"/> and the argument at fault, so the API can answer it as the caller's mistake in one place.
/// </summary>
public sealed class UserInputException : Exception
{
    /// <summary>Creates the error.</summary>
    /// <param name="code">One of <see cref="ErrorCodes"/>.</param>
    /// <param name="message">What is wrong and how to fix it, in words the caller understands.</param>
    /// <param name="argument">The argument at fault, as the caller named it, when there is one.</param>
    public UserInputException(string code, string message, string? argument = null) : base(message)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(code);
        Code = code;
        Argument = argument;
    }

    /// <summary>One of <see cref="ErrorCodes"/>.</summary>
    public string Code { get; }

    /// <summary>The argument at fault, when there is one.</summary>
    public string? Argument { get; }
}
