export default {
  output: 'Terminal output',
  input: 'Terminal command',
  placeholder: 'kubectl get pods',
  hint: 'Type kubectl commands (kubectl get pods -o wide, kubectl describe node worker-1) or sim actions (sim node fail worker-2). ↑/↓ for history, clear to clear.',
  running: 'running… (Ctrl+C or Stop interrupts it)',
  stop: 'Stop',
  stopHint: 'Interrupt the running command (Ctrl+C). The cluster keeps running.',
  waitingPaused: 'waiting for virtual time: press Play to let it pass',
  request: {
    label: 'REST request:',
    code: 'HTTP status {{code}}',
    more_one: '→ … and {{count}} more request',
    more_other: '→ … and {{count}} more requests',
  },
};
