// The result of one command step: a value, or the ErrorRecord to write.
//
// Why not exceptions: an exception that passes through a PowerShell script frame is recorded
// in $Error and in the command's -ErrorVariable even when the script catches it, so a command
// written as "try { [AzMl...]::Call() } catch { WriteError }" would hand its caller the same
// failure two or three times. The cmdlets call AzMlOperations instead, which catches in .NET
// and returns an Outcome: one failure, one ErrorRecord, as a compiled cmdlet would write.
using System;
using System.Management.Automation;

namespace AzMl
{
    public sealed class Outcome
    {
        private Outcome(object? value, ErrorRecord? error)
        {
            Value = value;
            Error = error;
        }

        public object? Value { get; }
        public ErrorRecord? Error { get; }
        public bool Succeeded => Error == null;

        public static Outcome Success(object? value) => new Outcome(value, null);
        public static Outcome Failure(ErrorRecord error) => new Outcome(null, error);

        /// <summary>Runs step; any exception becomes the Failure's ErrorRecord (AzMlErrorRecords' table).</summary>
        public static Outcome Capture(Func<object?> step, object? target, string? errorId = null)
        {
            try
            {
                return Success(step());
            }
            catch (Exception error) when (!IsFatal(error))
            {
                return Failure(AzMlErrorRecords.FromException(error, target, errorId));
            }
        }

        public static Outcome Capture(Action step, object? target, string? errorId = null) =>
            Capture(() => { step(); return null; }, target, errorId);

        /// <summary>
        /// Capture for the calls of a service that names its failures (BES, blob storage, classic
        /// endpoints): a failure's ErrorId is the service's own code (JobNotFound, BlobNotFound,
        /// DefaultEndpointNotUpdatable, ...) when it sent one, so a runbook can tell the cases apart.
        /// </summary>
        public static Outcome CaptureServiceCode(Func<object?> step, object? target)
        {
            try
            {
                return Success(step());
            }
            catch (AzMlException error) when (error.ServiceCode.Length > 0)
            {
                return Failure(AzMlErrorRecords.FromException(error, target, error.ServiceCode));
            }
            catch (Exception error) when (!IsFatal(error))
            {
                return Failure(AzMlErrorRecords.FromException(error, target));
            }
        }

        // Stopping the pipeline must stay a stop, and a broken process must not pass for an error record.
        private static bool IsFatal(Exception error) =>
            error is PipelineStoppedException || error is OutOfMemoryException || error is StackOverflowException ||
            error is AccessViolationException;
    }
}
