// `codecrafter signal`: the standalone signalling server. Its command line lives with the server in
// signal/ so the Docker image (signal/Dockerfile) can run it without anything from main.
export { default } from '../../signal/cli';
