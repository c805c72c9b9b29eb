import sharedPb from "@eventstore/db-client/generated/shared_pb.js";
import streamsPb from "@eventstore/db-client/generated/streams_pb.js";
import type * as grpc from "@grpc/grpc-js";
import {
  type AppendOutcome,
  EXPECTED_ANY,
  EXPECTED_NO_STREAM,
  EXPECTED_STREAM_EXISTS,
  type FakeEventLog,
  type ProposedEvent,
} from "./fakeEventLog.ts";
import {
  handlerException,
  maxAppendSizeExceeded,
  sizeOnDisk,
  streamName,
  toProposedEvent,
} from "./fakeProtocol.ts";

/** `Streams.Append`: options, then the proposed messages, then one answer when the client ends. */

type AppendReq = InstanceType<typeof streamsPb.AppendReq>;
type AppendResp = InstanceType<typeof streamsPb.AppendResp>;

const { AppendReq: AppendRequest, AppendResp: AppendResponse } = streamsPb;

export function appendHandler(log: FakeEventLog, maxAppendSize: number) {
  return (
    call: grpc.ServerReadableStream<AppendReq, AppendResp>,
    callback: grpc.sendUnaryData<AppendResp>,
  ) => {
    let options: InstanceType<typeof AppendRequest.Options> | undefined;
    const events: ProposedEvent[] = [];
    let size = 0;
    let done = false;
    const finish = (error: grpc.ServiceError | null, response?: AppendResp) => {
      if (done) return;
      done = true;
      callback(error, response);
    };
    call.on("data", (request: AppendReq) => {
      if (done) return;
      try {
        if (!options) {
          if (request.getContentCase() !== AppendRequest.ContentCase.OPTIONS) throw handlerException();
          options = request.getOptions();
          return;
        }
        if (request.getContentCase() !== AppendRequest.ContentCase.PROPOSED_MESSAGE) throw handlerException();
        const event = toProposedEvent(request.getProposedMessage()!);
        size += sizeOnDisk(event);
        if (size > maxAppendSize) throw maxAppendSizeExceeded(maxAppendSize);
        events.push(event);
      } catch (error) {
        finish(error as grpc.ServiceError);
      }
    });
    call.on("end", () => {
      if (done) return;
      if (!options) return finish(handlerException());
      try {
        const expected = expectedVersion(options.getExpectedStreamRevisionCase(), options.getRevision());
        const outcome = log.append(streamName(options.getStreamIdentifier()), expected, events);
        finish(null, appendResponse(outcome, options.getExpectedStreamRevisionCase(), expected));
      } catch (error) {
        finish(error as grpc.ServiceError);
      }
    });
  };
}

function expectedVersion(revisionCase: number, revision: string): number {
  const Case = AppendRequest.Options.ExpectedStreamRevisionCase;
  switch (revisionCase) {
    case Case.REVISION:
      return Number(revision);
    case Case.NO_STREAM:
      return EXPECTED_NO_STREAM;
    case Case.ANY:
      return EXPECTED_ANY;
    case Case.STREAM_EXISTS:
      return EXPECTED_STREAM_EXISTS;
    default:
      throw handlerException();
  }
}

/** The server answers a wrong expected version inside the response, not as a gRPC error. */
function appendResponse(outcome: AppendOutcome, revisionCase: number, expected: number): AppendResp {
  if (outcome.result !== "wrong_expected_version") {
    const success = new AppendResponse.Success();
    if (outcome.lastRevision < 0) success.setNoStream(new sharedPb.Empty());
    else success.setCurrentRevision(String(outcome.lastRevision));
    if (outcome.position === null) success.setNoPosition(new sharedPb.Empty());
    else {
      const position = String(outcome.position);
      success.setPosition(
        new AppendResponse.Position().setCommitPosition(position).setPreparePosition(position),
      );
    }
    return new AppendResponse().setSuccess(success);
  }
  const wrong = new AppendResponse.WrongExpectedVersion();
  const Case = AppendRequest.Options.ExpectedStreamRevisionCase;
  if (revisionCase === Case.ANY) wrong.setExpectedAny(new sharedPb.Empty()).setAny2060(new sharedPb.Empty());
  else if (revisionCase === Case.STREAM_EXISTS) {
    wrong.setExpectedStreamExists(new sharedPb.Empty()).setStreamExists2060(new sharedPb.Empty());
  } else if (revisionCase === Case.NO_STREAM) wrong.setExpectedNoStream(new sharedPb.Empty());
  else wrong.setExpectedRevision(String(expected)).setExpectedRevision2060(expected);
  if (outcome.currentVersion < 0)
    wrong.setCurrentNoStream(new sharedPb.Empty()).setNoStream2060(new sharedPb.Empty());
  else
    wrong.setCurrentRevision(String(outcome.currentVersion)).setCurrentRevision2060(outcome.currentVersion);
  return new AppendResponse().setWrongExpectedVersion(wrong);
}
