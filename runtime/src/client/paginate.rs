//! Paginators: a `@paginated` operation called page after page, as a
//! [`Stream`] of pages ([`Pages`]) or of the items on them ([`Items`]).
//!
//! Generated code implements [`Paginated`] (and [`PageSize`], [`PaginatedItems`] where the
//! model names a page size and items) for each paginated operation: only the accessors of its
//! token, page size and items. The loop lives here:
//!
//! - the first request carries the input's own token, if it has one;
//! - each next request carries the token the last page returned;
//! - the stream ends after a page without a token (absent or empty: a string or a map), after a page that
//!   returns the very token it was sent (a service stuck on one page would loop forever), or
//!   after yielding an error.

use std::collections::VecDeque;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::task::{Context, Poll};

use futures_core::Stream;

use super::error::SdkError;
use super::orchestrator::Handle;
use super::sender::{invalid_input, Sender};
use crate::operation::Operation;
use crate::BuildError;

/// A `@paginated` operation: where its continuation tokens are.
pub trait Paginated: Operation {
    /// The token's type: a string, or a map for services that page by key (DynamoDB's
    /// `ExclusiveStartKey`).
    type Token: PageToken;
    /// The token the input carries (`inputToken`), if set.
    fn input_token(input: &Self::Input) -> Option<&Self::Token>;
    /// Sets (or clears) the input's token.
    fn set_input_token(input: &mut Self::Input, token: Option<Self::Token>);
    /// The token for the next page (`outputToken`, a member path), if the output has one.
    fn output_token(output: &Self::Output) -> Option<&Self::Token>;
}

/// A continuation token: an empty one ends the pages as an absent one does.
pub trait PageToken: Clone + PartialEq + Send + 'static {
    /// Whether the token is empty (`""`, or a map without entries).
    fn is_empty(&self) -> bool;
}

impl PageToken for String {
    fn is_empty(&self) -> bool {
        str::is_empty(self)
    }
}

impl<K, V> PageToken for std::collections::BTreeMap<K, V>
where
    K: Clone + Ord + Send + 'static,
    V: Clone + PartialEq + Send + 'static,
{
    fn is_empty(&self) -> bool {
        std::collections::BTreeMap::is_empty(self)
    }
}

/// A paginated operation whose input limits the page size (`pageSize`).
pub trait PageSize: Paginated {
    /// Sets the input's page size.
    fn set_page_size(input: &mut Self::Input, size: i32);
}

/// A paginated operation whose output lists the paginated items (`items`).
pub trait PaginatedItems: Paginated {
    /// One item (a map's items are `(key, value)` pairs).
    type Item: Send + 'static;
    /// The page's items, in order.
    fn items(output: Self::Output) -> Vec<Self::Item>;
}

/// A paginated call not started yet: `client.list_games().into_paginator()`. Set the page
/// size with [`Paginator::page_size`], then [`Paginator::send`] for the stream of pages.
pub struct Paginator<O: Operation> {
    handle: Handle,
    input: Result<O::Input, BuildError>,
}

impl<O: Paginated> Paginator<O> {
    /// A paginator of `input` (built by a fluent builder) sent through `sender`.
    pub fn new(sender: &Sender<O>, input: Result<O::Input, BuildError>) -> Self {
        Paginator {
            handle: sender.handle().clone(),
            input,
        }
    }

    /// The stream of pages. The first request goes out when the stream is first polled.
    pub fn send(self) -> Pages<O> {
        let state = match self.input {
            Ok(input) => State::Ready(input),
            Err(e) => State::Failed(invalid_input::<O>(e)),
        };
        Pages {
            handle: self.handle,
            state,
        }
    }
}

impl<O: PageSize> Paginator<O> {
    /// Asks for pages of at most `size` items (the input's `pageSize` member).
    pub fn page_size(mut self, size: i32) -> Self {
        if let Ok(input) = &mut self.input {
            O::set_page_size(input, size);
        }
        self
    }
}

impl<O: Operation> fmt::Debug for Paginator<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Paginator")
            .field("operation", &O::NAME)
            .finish_non_exhaustive()
    }
}

type Call<O> = Pin<
    Box<
        dyn Future<Output = Result<<O as Operation>::Output, SdkError<<O as Operation>::Error>>>
            + Send,
    >,
>;

enum State<O: Operation> {
    /// The next request's input.
    Ready(O::Input),
    /// A request in flight: the input it was sent with, to ask for the page after.
    Waiting(O::Input, Call<O>),
    /// The input did not build: the stream's one item.
    Failed(SdkError<O::Error>),
    Done,
}

/// The pages of a paginated call, a [`Stream`] of `Result<Output, SdkError<Error>>`. Poll it
/// with [`Pages::next`] (or any `StreamExt`), or turn it into its items with [`Pages::items`].
pub struct Pages<O: Operation> {
    handle: Handle,
    state: State<O>,
}

// No field is pinned: the call in flight is boxed.
impl<O: Operation> Unpin for Pages<O> {}

impl<O: Paginated> Pages<O> {
    /// The next page; `None` after the last page or an error.
    pub async fn next(&mut self) -> Option<Result<O::Output, SdkError<O::Error>>> {
        next_of(self).await
    }

    /// Every page, or the first error.
    ///
    /// # Errors
    ///
    /// The first error a page request returned.
    pub async fn try_collect(self) -> Result<Vec<O::Output>, SdkError<O::Error>> {
        try_collect_all(self).await
    }
}

impl<O: PaginatedItems> Pages<O> {
    /// The items of every page, in order, as one stream.
    pub fn items(self) -> Items<O> {
        Items {
            pages: self,
            buffered: VecDeque::new(),
        }
    }
}

impl<O: Paginated> Stream for Pages<O> {
    type Item = Result<O::Output, SdkError<O::Error>>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            match std::mem::replace(&mut self.state, State::Done) {
                State::Done => return Poll::Ready(None),
                State::Failed(error) => return Poll::Ready(Some(Err(error))),
                State::Ready(input) => {
                    let handle = self.handle.clone();
                    let sent = input.clone();
                    let call: Call<O> = Box::pin(async move { handle.call::<O>(sent).await });
                    self.state = State::Waiting(input, call);
                }
                State::Waiting(input, mut call) => {
                    let Poll::Ready(result) = call.as_mut().poll(cx) else {
                        self.state = State::Waiting(input, call);
                        return Poll::Pending;
                    };
                    if let Ok(page) = &result {
                        if let Some(next) = next_input::<O>(input, page) {
                            self.state = State::Ready(next);
                        }
                    }
                    return Poll::Ready(Some(result));
                }
            }
        }
    }
}

/// The input for the page after `page`, which answered `sent`; `None` when `page` is the last.
fn next_input<O: Paginated>(mut sent: O::Input, page: &O::Output) -> Option<O::Input> {
    let next = O::output_token(page).filter(|token| !token.is_empty())?;
    if O::input_token(&sent) == Some(next) {
        return None;
    }
    let next = next.clone();
    O::set_input_token(&mut sent, Some(next));
    Some(sent)
}

impl<O: Operation> fmt::Debug for Pages<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let state = match self.state {
            State::Ready(_) => "ready",
            State::Waiting(..) => "waiting",
            State::Failed(_) => "failed",
            State::Done => "done",
        };
        f.debug_struct("Pages")
            .field("operation", &O::NAME)
            .field("state", &state)
            .finish()
    }
}

/// The items of a paginated call across its pages, a [`Stream`] of
/// `Result<Item, SdkError<Error>>`; it ends after the last page or after yielding an error.
pub struct Items<O: PaginatedItems> {
    pages: Pages<O>,
    buffered: VecDeque<O::Item>,
}

impl<O: PaginatedItems> Unpin for Items<O> {}

impl<O: PaginatedItems> Items<O> {
    /// The next item; `None` after the last one or an error.
    pub async fn next(&mut self) -> Option<Result<O::Item, SdkError<O::Error>>> {
        next_of(self).await
    }

    /// Every item, or the first error.
    ///
    /// # Errors
    ///
    /// The first error a page request returned.
    pub async fn try_collect(self) -> Result<Vec<O::Item>, SdkError<O::Error>> {
        try_collect_all(self).await
    }
}

impl<O: PaginatedItems> Stream for Items<O> {
    type Item = Result<O::Item, SdkError<O::Error>>;

    fn poll_next(mut self: Pin<&mut Self>, cx: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        loop {
            if let Some(item) = self.buffered.pop_front() {
                return Poll::Ready(Some(Ok(item)));
            }
            match Pin::new(&mut self.pages).poll_next(cx) {
                Poll::Pending => return Poll::Pending,
                Poll::Ready(None) => return Poll::Ready(None),
                Poll::Ready(Some(Err(error))) => return Poll::Ready(Some(Err(error))),
                Poll::Ready(Some(Ok(page))) => self.buffered.extend(O::items(page)),
            }
        }
    }
}

impl<O: PaginatedItems> fmt::Debug for Items<O> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Items")
            .field("pages", &self.pages)
            .field("buffered", &self.buffered.len())
            .finish()
    }
}

/// The next item of `stream`.
async fn next_of<S: Stream + Unpin>(stream: &mut S) -> Option<S::Item> {
    std::future::poll_fn(|cx| Pin::new(&mut *stream).poll_next(cx)).await
}

/// Every item of `stream`, or its first error (after which the paginator's streams end).
async fn try_collect_all<S, T, E>(mut stream: S) -> Result<Vec<T>, E>
where
    S: Stream<Item = Result<T, E>> + Unpin,
{
    let mut all = Vec::new();
    while let Some(item) = next_of(&mut stream).await {
        all.push(item?);
    }
    Ok(all)
}
