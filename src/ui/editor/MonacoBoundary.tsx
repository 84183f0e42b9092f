/** Keeps the plain editor if Monaco's chunk fails to load or throws: the text is never lost. */
import { Component, type ReactNode } from 'react';

export interface MonacoBoundaryProps {
  children: ReactNode;
  onError: () => void;
}

/** Error boundary around the lazy Monaco editor. */
export class MonacoBoundary extends Component<MonacoBoundaryProps, { failed: boolean }> {
  state = { failed: false };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  componentDidCatch() {
    this.props.onError();
  }

  render() {
    return this.state.failed ? null : this.props.children;
  }
}
